<?php
/**
 * [comparison_card attachment="123"] and [comparison_card src="…"] for the classic editor.
 * Shortcodes run after wpautop and wptexturize, so neither sees the card.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

add_shortcode( 'comparison_card', 'comparison_card_shortcode' );

/**
 * The shortcode's markup.
 *
 * @param array|string $atts The shortcode's attributes; `share` and `persist` may be written bare.
 * @return string
 */
function comparison_card_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	// A bare word ([comparison_card share]) arrives under a numeric key.
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) && in_array( $value, array( 'share', 'persist' ), true ) ) {
			$atts[ $value ] = '1';
		}
	}
	$atts    = shortcode_atts(
		array(
			'attachment' => '',
			'src'        => '',
			'id'         => '',
			'share'      => '',
			'persist'    => '',
			'theme'      => '',
			'chart'      => '',
			'loading'    => '',
			'sticky'     => '',
			'analytics'  => '',
		),
		$atts,
		'comparison_card'
	);
	$enabled = function ( $value ) {
		return '' !== $value && ! in_array( strtolower( $value ), array( '0', 'false', 'no', 'off' ), true );
	};
	$options = array(
		'id'        => $atts['id'],
		'share'     => $enabled( $atts['share'] ),
		'persist'   => $enabled( $atts['persist'] ),
		'theme'     => $atts['theme'],
		'chart'     => $atts['chart'],
		'loading'   => strtolower( $atts['loading'] ),
		'sticky'    => strtolower( $atts['sticky'] ),
		'analytics' => strtolower( $atts['analytics'] ),
	);
	if ( '' !== $atts['attachment'] ) {
		return comparison_card_render_inline( comparison_card_attachment_text( $atts['attachment'] ), $options );
	}
	if ( '' !== $atts['src'] ) {
		return comparison_card_render_src( $atts['src'], $options );
	}
	return comparison_card_problem( __( '[comparison_card] needs attachment="…" (a .json file from the media library) or src="…".', 'comparison-card' ) );
}
