<?php
/**
 * Removes the plugin's one option when the plugin is deleted.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'klimapartner_widgets' );
