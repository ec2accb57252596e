// The "Comparison card" block in the editor. Plain JavaScript on WordPress's own globals, so the
// plugin needs no build step. The preview is the server's rendering of the block (the same markup
// the page gets) with the card's module loaded in the editor: the live card, or the spec's
// problems when it has any.
( function ( blocks, element, blockEditor, components, ServerSideRender, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;

	if ( window.comparisonCardModule && ! window.customElements.get( 'comparison-card' ) ) {
		import( window.comparisonCardModule ).catch( function ( error ) {
			window.console.error( 'comparison-card: the editor preview cannot load the card.', error );
		} );
	}

	// WordPress filters the block's attributes through kses when the author lacks unfiltered_html,
	// which would turn `&` into `&amp;` and drop `<…>` from the pasted spec. In valid JSON these
	// characters only occur inside strings, where the \u escapes mean exactly the same.
	function ksesProof( text ) {
		return text.replace( /&/g, '\\u0026' ).replace( /</g, '\\u003c' ).replace( />/g, '\\u003e' );
	}

	function Edit( props ) {
		var attributes = props.attributes;
		var set = props.setAttributes;
		var specPanel = el(
			components.PanelBody,
			{ title: __( 'Spec', 'comparison-card' ) },
			el(
				blockEditor.MediaUploadCheck,
				null,
				// Spaced from the text area below it, like the panel's other controls.
				el( 'div', { style: { marginBottom: '16px' } }, el( blockEditor.MediaUpload, {
					allowedTypes: [ 'application/json' ],
					value: attributes.attachmentId,
					onSelect: function ( media ) {
						set( { attachmentId: media.id } );
					},
					render: function ( upload ) {
						return el(
							components.Button,
							{ variant: 'secondary', onClick: upload.open },
							attributes.attachmentId
								? __( 'Replace the spec file', 'comparison-card' )
								: __( 'Choose a .json spec file', 'comparison-card' )
						);
					},
				} ) )
			),
			attributes.attachmentId
				? el(
					'p',
					null,
					__( 'Spec file: media item ', 'comparison-card' ) + attributes.attachmentId + ' ',
					el(
						components.Button,
						{ variant: 'link', isDestructive: true, onClick: function () { set( { attachmentId: 0 } ); } },
						__( 'Remove', 'comparison-card' )
					)
				)
				: null,
			el( components.TextareaControl, {
				label: __( 'Or paste the spec (JSON)', 'comparison-card' ),
				help: __( 'A chosen file wins over pasted text. <, > and & are kept as \\u003c, \\u003e and \\u0026: the same JSON.', 'comparison-card' ),
				value: attributes.spec,
				rows: 10,
				onChange: function ( value ) {
					set( { spec: ksesProof( value ) } );
				},
			} )
		);
		var cardPanel = el(
			components.PanelBody,
			{ title: __( 'Card', 'comparison-card' ), initialOpen: false },
			el( components.TextControl, {
				label: __( 'Card id (names the card in links and storage)', 'comparison-card' ),
				value: attributes.cardId,
				onChange: function ( value ) { set( { cardId: value } ); },
			} ),
			el( components.ToggleControl, {
				label: __( 'Share: keep the priorities in the address, show Copy link', 'comparison-card' ),
				checked: attributes.share,
				onChange: function ( value ) { set( { share: value } ); },
			} ),
			el( components.ToggleControl, {
				label: __( 'Persist: remember the priorities on the next visit', 'comparison-card' ),
				checked: attributes.persist,
				onChange: function ( value ) { set( { persist: value } ); },
			} ),
			el( components.SelectControl, {
				label: __( 'Theme', 'comparison-card' ),
				value: attributes.theme,
				options: [
					{ label: __( 'Follow the visitor (auto)', 'comparison-card' ), value: '' },
					{ label: __( 'Light', 'comparison-card' ), value: 'light' },
					{ label: __( 'Dark', 'comparison-card' ), value: 'dark' },
				],
				onChange: function ( value ) { set( { theme: value } ); },
			} ),
			el( components.SelectControl, {
				label: __( 'Chart', 'comparison-card' ),
				value: attributes.chart,
				options: [
					{ label: __( 'Show the chart', 'comparison-card' ), value: '' },
					{ label: __( 'No chart', 'comparison-card' ), value: 'none' },
				],
				onChange: function ( value ) { set( { chart: value } ); },
			} ),
			el( components.ToggleControl, {
				label: __( 'Totals strip: keep the totals in view while the sliders scroll', 'comparison-card' ),
				checked: attributes.sticky !== 'off',
				onChange: function ( value ) { set( { sticky: value ? '' : 'off' } ); },
			} ),
			el( components.ToggleControl, {
				label: __( 'Load at once (otherwise the card loads as a visitor scrolls near it)', 'comparison-card' ),
				checked: attributes.loading === 'eager',
				onChange: function ( value ) { set( { loading: value ? 'eager' : '' } ); },
			} ),
			el( components.ToggleControl, {
				label: __( 'Analytics: send the card\'s events to the dataLayer (Google Tag Manager)', 'comparison-card' ),
				checked: attributes.analytics === 'datalayer',
				onChange: function ( value ) { set( { analytics: value ? 'datalayer' : '' } ); },
			} )
		);
		return el(
			'div',
			blockEditor.useBlockProps(),
			el( blockEditor.InspectorControls, null, specPanel, cardPanel ),
			el( ServerSideRender, { block: 'comparison-card/card', attributes: attributes } )
		);
	}

	blocks.registerBlockType( 'comparison-card/card', {
		edit: Edit,
		// Rendered on the server from the attributes: nothing is saved but the block comment.
		save: function () {
			return null;
		},
	} );
}( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.serverSideRender, window.wp.i18n ) );
