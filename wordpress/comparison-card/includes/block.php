<?php
/**
 * The "Comparison card" block: rendered on the server from its attributes.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		register_block_type( dirname( COMPARISON_CARD_FILE ), array( 'render_callback' => 'comparison_card_render_block' ) );
	}
);

/**
 * The block's markup: the spec from the media library (by attachment id, so a re-upload that
 * renames the file does not break it) or the pasted spec.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function comparison_card_render_block( $attributes ) {
	$options = array(
		'id'        => isset( $attributes['cardId'] ) ? $attributes['cardId'] : '',
		'share'     => ! empty( $attributes['share'] ),
		'persist'   => ! empty( $attributes['persist'] ),
		'theme'     => isset( $attributes['theme'] ) ? $attributes['theme'] : '',
		'chart'     => isset( $attributes['chart'] ) ? $attributes['chart'] : '',
		'loading'   => isset( $attributes['loading'] ) ? $attributes['loading'] : '',
		'sticky'    => isset( $attributes['sticky'] ) ? $attributes['sticky'] : '',
		'analytics' => isset( $attributes['analytics'] ) ? $attributes['analytics'] : '',
	);
	if ( ! empty( $attributes['attachmentId'] ) ) {
		return comparison_card_render_inline( comparison_card_attachment_text( $attributes['attachmentId'] ), $options );
	}
	if ( isset( $attributes['spec'] ) && '' !== trim( $attributes['spec'] ) ) {
		return comparison_card_render_inline( $attributes['spec'], $options );
	}
	return comparison_card_problem( __( 'Choose a spec file from the media library or paste a spec in the block settings.', 'comparison-card' ) );
}
