<?php
/**
 * The WordPress test site's administration, run with PHP's command line as the web server's user
 * (so the files it installs are the web server's to delete again). Called by `cargo xtask test`
 * and by the WordPress tests:
 *
 *   php setup.php install <plugin zip>   install WordPress once, reset the test users and their
 *                                        application passwords, install and activate the plugin
 *                                        from the zip; prints the credentials as JSON
 *   php setup.php option <name>          prints the option's value as JSON (false when absent)
 *   php setup.php plugin <plugin zip>    installs and activates the plugin from the zip again
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the request's host.
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
define( 'WP_INSTALLING', 'install' === ( $argv[1] ?? '' ) );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

const PLUGIN = 'comparison-card/comparison-card.php';
/** The test users: role and the password they log in with in the browser. */
const USERS = array(
	'admin'       => 'administrator',
	'author'      => 'author',
	'contributor' => 'contributor',
);
const PASSWORD = 'cc-test-password-1';

function fail( $message ) {
	fwrite( STDERR, "setup.php: $message\n" );
	exit( 1 );
}

function install_plugin( $zip ) {
	wp_set_current_user( get_user_by( 'login', 'admin' )->ID );
	$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
	$result   = $upgrader->install( $zip, array( 'overwrite_package' => true ) );
	if ( true !== $result ) {
		fail( 'the plugin did not install: ' . ( is_wp_error( $result ) ? $result->get_error_message() : implode( ' ', $upgrader->skin->get_upgrade_messages() ) ) );
	}
	$activated = activate_plugin( PLUGIN );
	if ( is_wp_error( $activated ) ) {
		fail( 'the plugin did not activate: ' . $activated->get_error_message() );
	}
}

switch ( $argv[1] ?? '' ) {
	case 'install':
		if ( ! is_blog_installed() ) {
			$installed = wp_install( 'comparison-card test site', 'admin', 'admin@example.invalid', false, '', PASSWORD );
			if ( empty( $installed['user_id'] ) ) {
				fail( 'WordPress did not install' );
			}
		}
		$credentials = array();
		foreach ( USERS as $login => $role ) {
			$user = get_user_by( 'login', $login );
			$id   = $user ? $user->ID : wp_create_user( $login, PASSWORD, "$login@example.invalid" );
			if ( is_wp_error( $id ) ) {
				fail( $id->get_error_message() );
			}
			wp_update_user( array( 'ID' => $id, 'role' => $role, 'user_pass' => PASSWORD ) );
			WP_Application_Passwords::delete_all_application_passwords( $id );
			$created = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'cargo xtask test' ) );
			if ( is_wp_error( $created ) ) {
				fail( $created->get_error_message() );
			}
			$credentials[ $login ] = array( 'user' => $login, 'application_password' => $created[0], 'password' => PASSWORD );
		}
		install_plugin( $argv[2] ?? fail( 'no plugin zip' ) );
		echo wp_json_encode( $credentials ), "\n";
		break;
	case 'option':
		echo wp_json_encode( get_option( $argv[2] ?? fail( 'no option name' ) ) ), "\n";
		break;
	case 'plugin':
		install_plugin( $argv[2] ?? fail( 'no plugin zip' ) );
		break;
	default:
		fail( 'usage: php setup.php install <zip> | option <name> | plugin <zip>' );
}
