<?php
/**
 * Plugin Name:       Comparison Card
 * Description:       A side-by-side comparison card with a priority slider per criterion. Adds the "Comparison card" block, the [comparison_card] shortcode and the &lt;comparison-card&gt; element for every author.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 * Text Domain:       comparison-card
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

define( 'COMPARISON_CARD_VERSION', '0.1.0' );
define( 'COMPARISON_CARD_FILE', __FILE__ );
/** The plugin's only option: the version that was last activated, so a later version can migrate. */
define( 'COMPARISON_CARD_OPTION', 'comparison_card_version' );

require_once __DIR__ . '/includes/spec.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/upload.php';

register_activation_hook(
	__FILE__,
	function () {
		update_option( COMPARISON_CARD_OPTION, COMPARISON_CARD_VERSION, false );
	}
);
