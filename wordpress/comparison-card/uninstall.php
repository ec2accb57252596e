<?php
/**
 * Runs when an administrator deletes the plugin: removes the plugin's own option and nothing
 * else. Posts keep their blocks and shortcodes, and spec files stay in the media library, so
 * installing the plugin again shows every card as before.
 *
 * @package ComparisonCard
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'comparison_card_version' );
