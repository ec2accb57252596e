<?php
/**
 * Reading a spec (from the media library or pasted text) and writing it into a page so that no
 * content filter can change it.
 *
 * @package ComparisonCard
 */

defined( 'ABSPATH' ) || exit;

/**
 * The spec's text from an attachment, or a WP_Error saying why there is none.
 *
 * @param int $attachment_id The attachment the block or shortcode names.
 * @return string|WP_Error
 */
function comparison_card_attachment_text( $attachment_id ) {
	$attachment_id = absint( $attachment_id );
	if ( ! $attachment_id || 'attachment' !== get_post_type( $attachment_id ) ) {
		/* translators: %d: attachment id */
		return new WP_Error( 'comparison_card_no_attachment', sprintf( __( 'There is no media file with id %d.', 'comparison-card' ), $attachment_id ) );
	}
	if ( 'application/json' !== get_post_mime_type( $attachment_id ) ) {
		/* translators: %d: attachment id */
		return new WP_Error( 'comparison_card_not_json', sprintf( __( 'Media file %d is not a .json file.', 'comparison-card' ), $attachment_id ) );
	}
	$path = get_attached_file( $attachment_id );
	$text = ( $path && is_readable( $path ) ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
	if ( false === $text ) {
		/* translators: %d: attachment id */
		return new WP_Error( 'comparison_card_unreadable', sprintf( __( 'The file of media item %d cannot be read.', 'comparison-card' ), $attachment_id ) );
	}
	return $text;
}

/**
 * The decoded spec, or a WP_Error naming the JSON error. Only checks that the text is JSON: the
 * card itself validates the spec and lists its problems.
 *
 * @param string $text The spec's text.
 * @return mixed|WP_Error
 */
function comparison_card_decode( $text ) {
	// A byte order mark is not JSON, but editors save one.
	$text = preg_replace( '/^\xEF\xBB\xBF/', '', (string) $text );
	if ( '' === trim( $text ) ) {
		return new WP_Error( 'comparison_card_empty', __( 'The spec is empty.', 'comparison-card' ) );
	}
	$data = json_decode( $text, false, 64 );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		/* translators: %s: the JSON parser's message */
		return new WP_Error( 'comparison_card_invalid_json', sprintf( __( 'The spec is not valid JSON: %s.', 'comparison-card' ), json_last_error_msg() ) );
	}
	return $data;
}

/**
 * The spec as JSON on one line that the content filters leave alone: no line breaks (wpautop),
 * `<`, `>`, `&`, quotes as \u escapes (kses, wptexturize, no early </script>), and inside strings
 * `[`, `]` (shortcodes) and the "W" of "Wordpress" (capital_P_dangit) escaped too. Parsed, it is
 * the same JSON.
 *
 * @param mixed $data The decoded spec.
 * @return string|false
 */
function comparison_card_encode( $data ) {
	$json = wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	if ( false === $json ) {
		return false;
	}
	// With JSON_HEX_QUOT a bare quote only ever opens or closes a string.
	$out       = '';
	$in_string = false;
	$length    = strlen( $json );
	for ( $i = 0; $i < $length; $i++ ) {
		$char = $json[ $i ];
		if ( '"' === $char ) {
			$in_string = ! $in_string;
		} elseif ( $in_string && '\\' === $char ) {
			$out .= $char . $json[ ++$i ];
			continue;
		} elseif ( $in_string && '[' === $char ) {
			$char = '\u005b';
		} elseif ( $in_string && ']' === $char ) {
			$char = '\u005d';
		} elseif ( $in_string && 'W' === $char && 'ordpress' === substr( $json, $i + 1, 8 ) ) {
			$char = '\u0057';
		}
		$out .= $char;
	}
	return $out;
}
