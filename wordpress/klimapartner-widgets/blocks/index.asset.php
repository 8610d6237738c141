<?php
/**
 * What blocks/index.js needs (the file @wordpress/scripts would write; this
 * script is plain JavaScript on WordPress's globals, without a build step).
 *
 * @package KlimapartnerWidgets
 */

return array(
	'dependencies' => array( 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
