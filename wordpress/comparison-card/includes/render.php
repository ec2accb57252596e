<?php
/**
 * The <comparison-card> element a block or shortcode puts into the page.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's own attributes from block attributes or shortcode attributes, checked: only the
 * values the card understands pass.
 *
 * @param array $options id, share, persist, theme, chart, loading, sticky, analytics.
 * @return string The attributes as HTML, each with a leading space.
 */
function comparison_card_element_attributes( array $options ) {
	$html = '';
	if ( ! empty( $options['id'] ) ) {
		$html .= ' id="' . esc_attr( sanitize_html_class( $options['id'] ) ) . '"';
	}
	foreach ( array( 'share', 'persist' ) as $flag ) {
		if ( ! empty( $options[ $flag ] ) ) {
			$html .= ' ' . $flag;
		}
	}
	if ( isset( $options['theme'] ) && in_array( $options['theme'], array( 'light', 'dark' ), true ) ) {
		$html .= ' theme="' . esc_attr( $options['theme'] ) . '"';
	}
	if ( isset( $options['chart'] ) && 'none' === $options['chart'] ) {
		$html .= ' chart="none"';
	}
	// The rest pass only with the one value that changes the card's default.
	$switches = array(
		'loading'   => 'eager',
		'sticky'    => 'off',
		'analytics' => 'datalayer',
	);
	foreach ( $switches as $name => $value ) {
		if ( isset( $options[ $name ] ) && $value === $options[ $name ] ) {
			$html .= ' ' . $name . '="' . $value . '"';
		}
	}
	return $html;
}

/**
 * The card for a spec given inline (attachment or pasted text), or a notice when the spec is
 * missing or not JSON.
 *
 * @param string|WP_Error $text    The spec's text.
 * @param array           $options The element's attributes.
 * @return string
 */
function comparison_card_render_inline( $text, array $options ) {
	$data = is_wp_error( $text ) ? $text : comparison_card_decode( $text );
	if ( is_wp_error( $data ) ) {
		return comparison_card_problem( $data->get_error_message() );
	}
	$json = comparison_card_encode( $data );
	if ( false === $json ) {
		return comparison_card_problem( __( 'The spec cannot be written into the page.', 'comparison-card' ) );
	}
	comparison_card_needs_module();
	// One line: wpautop finds no line break to turn into a paragraph inside the element.
	return '<comparison-card' . comparison_card_element_attributes( $options ) . '><script type="application/json">'
		. $json . '</script></comparison-card>';
}

/**
 * The card for a spec the browser fetches from an address.
 *
 * @param string $src     The spec's address.
 * @param array  $options The element's attributes.
 * @return string
 */
function comparison_card_render_src( $src, array $options ) {
	$url = esc_url( $src, array( 'http', 'https' ) );
	if ( '' === $url ) {
		return comparison_card_problem( __( 'The spec address must be an http or https address.', 'comparison-card' ) );
	}
	comparison_card_needs_module();
	return '<comparison-card' . comparison_card_element_attributes( $options ) . ' src="' . $url . '"></comparison-card>';
}

/**
 * Why a card is missing, for whoever can fix it; visitors get an HTML comment instead of an
 * author's error message.
 *
 * @param string $message What is wrong.
 * @return string
 */
function comparison_card_problem( $message ) {
	if ( current_user_can( 'edit_posts' ) ) {
		return '<div class="comparison-card-problem" role="alert" style="border:2px solid #b32d2e;padding:12px;"><strong>'
			. esc_html__( 'Comparison card:', 'comparison-card' ) . '</strong> ' . esc_html( $message ) . '</div>';
	}
	return '<!-- comparison-card: ' . esc_html( str_replace( '--', '- -', $message ) ) . ' -->';
}
