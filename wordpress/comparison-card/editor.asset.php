<?php
// The editor script is plain JavaScript on WordPress's globals: no build step, these are its dependencies.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
	'version'      => '0.1.0',
);
