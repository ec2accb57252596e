<?php
/**
 * <comparison-card> and its attributes for every role that writes posts, without a <script>:
 * an Author's or Contributor's Custom HTML block with <comparison-card src="…"> survives saving.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context ) {
			return $tags;
		}
		// kses checks src against the allowed protocols, as for an <img>.
		$tags['comparison-card'] = array_fill_keys( array( 'src', 'id', 'share', 'persist', 'theme', 'chart', 'loading', 'analytics', 'sticky', 'lang', 'dir', 'class', 'style' ), true );
		return $tags;
	},
	10,
	2
);
