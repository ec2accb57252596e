<?php
/**
 * The card's module and wasm, from the plugin's own assets/ folder, only on pages that show a card.
 * WordPress 6.1 has no API for module scripts, so the tags are printed here.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

/** Whether the module tags are already in the page. */
$GLOBALS['comparison_card_module_printed'] = false;

/**
 * An asset's address. The packaged plugin keeps the card's files in a folder named for their
 * content (assets/build.php names it): a new card is a new address, so no cache pairs a new module
 * with an old wasm, and the module's own fetch of the wasm beside it matches the preload exactly.
 *
 * @param string $file comparison-card.js, comparison-card.wasm, or their .dev. builds.
 * @return string
 */
function comparison_card_asset_url( $file ) {
	static $build = null;
	if ( null === $build ) {
		$manifest = dirname( COMPARISON_CARD_FILE ) . '/assets/build.php';
		$build    = is_readable( $manifest ) ? (string) include $manifest : '';
	}
	return plugins_url( 'assets/' . ( '' === $build ? '' : $build . '/' ) . $file, COMPARISON_CARD_FILE );
}

/**
 * Whether a post shows a card: the block, the shortcode or the element itself.
 *
 * @param WP_Post $post The post.
 * @return bool
 */
function comparison_card_post_has_card( $post ) {
	if ( ! $post instanceof WP_Post ) {
		return false;
	}
	return has_block( 'comparison-card/card', $post )
		|| has_shortcode( $post->post_content, 'comparison_card' )
		|| false !== stripos( $post->post_content, '<comparison-card' );
}

/** The module script and its preload hints. */
function comparison_card_print_module() {
	if ( $GLOBALS['comparison_card_module_printed'] ) {
		return;
	}
	$GLOBALS['comparison_card_module_printed'] = true;
	$module                                    = esc_url( comparison_card_asset_url( 'comparison-card.js' ) );
	// The module fetches the wasm with fetch()'s defaults (CORS mode, same-origin credentials),
	// which is what `as="fetch" crossorigin` preloads: the browser reuses this one response.
	echo '<link rel="modulepreload" href="' . $module . '">' . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput
	echo '<link rel="preload" href="' . esc_url( comparison_card_asset_url( 'comparison-card.wasm' ) ) . '" as="fetch" type="application/wasm" crossorigin>' . "\n";
	echo '<script type="module" src="' . $module . '"></script>' . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput
}

/** Marks that the page shows a card; past the head, the module goes into the footer. */
function comparison_card_needs_module() {
	if ( is_admin() || wp_is_json_request() || $GLOBALS['comparison_card_module_printed'] ) {
		return;
	}
	if ( did_action( 'wp_head' ) ) {
		add_action( 'wp_footer', 'comparison_card_print_module' );
	}
}

// In the head when the queried posts show a card, so the hints start the downloads early.
add_action(
	'wp_head',
	function () {
		global $wp_query;
		foreach ( (array) $wp_query->posts as $post ) {
			if ( comparison_card_post_has_card( $post ) ) {
				comparison_card_print_module();
				return;
			}
		}
	},
	2
);

// The editor loads the module too, so the block's preview is the live card: its development
// build, whose error box says what is wrong with a spec as well as where. Visitors get the
// shipped card, which names only the places and is lighter.
add_action(
	'enqueue_block_editor_assets',
	function () {
		$handle = generate_block_asset_handle( 'comparison-card/card', 'editorScript' );
		wp_add_inline_script( $handle, 'window.comparisonCardModule = ' . wp_json_encode( comparison_card_asset_url( 'comparison-card.dev.js' ) ) . ';', 'before' );
	}
);
