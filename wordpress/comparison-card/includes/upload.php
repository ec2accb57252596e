<?php
/**
 * .json spec files in the media library, for every role that may upload files, checked on upload:
 * a file that is not JSON is refused with the parser's message.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'upload_mimes',
	function ( $mimes ) {
		$mimes['json'] = 'application/json';
		return $mimes;
	}
);

/**
 * Refuses a .json upload whose content is not JSON, before WordPress stores it.
 *
 * @param array $file The upload: name, tmp_name, error.
 * @return array
 */
function comparison_card_check_upload( $file ) {
	if ( ! empty( $file['error'] ) || 'json' !== strtolower( pathinfo( (string) $file['name'], PATHINFO_EXTENSION ) ) ) {
		return $file;
	}
	$text = is_readable( $file['tmp_name'] ) ? file_get_contents( $file['tmp_name'] ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
	$data = false === $text ? new WP_Error( 'unreadable', __( 'The upload cannot be read.', 'comparison-card' ) ) : comparison_card_decode( $text );
	if ( is_wp_error( $data ) ) {
		/* translators: 1: file name, 2: what is wrong */
		$file['error'] = sprintf( __( '%1$s was not uploaded. %2$s', 'comparison-card' ), $file['name'], $data->get_error_message() );
	}
	return $file;
}
add_filter( 'wp_handle_upload_prefilter', 'comparison_card_check_upload' );
add_filter( 'wp_handle_sideload_prefilter', 'comparison_card_check_upload' );

// The content type sniffer calls some JSON "text/plain", and WordPress would then refuse the file.
// The prefilter above has already checked that a .json upload is JSON.
add_filter(
	'wp_check_filetype_and_ext',
	function ( $checked, $file, $filename ) {
		if ( 'json' === strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) ) && current_user_can( 'upload_files' ) ) {
			$checked['ext']  = 'json';
			$checked['type'] = 'application/json';
		}
		return $checked;
	},
	10,
	3
);
