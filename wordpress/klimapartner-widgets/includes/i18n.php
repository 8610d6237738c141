<?php
/**
 * The plugin's own translations (languages/klimapartner-widgets-de_DE.mo,
 * -de_DE_formal.mo, built from the .po files beside them): loaded on init,
 * before the patterns and the settings page ask for a string. WordPress
 * 4.6 and later would load them just in time only for plugins from
 * wordpress.org (from wp-content/languages/plugins/); this plugin is
 * uploaded as a zip, so it names its folder itself. A translation an
 * administrator puts into wp-content/languages/plugins/ still wins.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Loads the text domain klimapartner-widgets for the site's or the user's language. */
function klimapartner_widgets_load_textdomain() {
	load_plugin_textdomain( 'klimapartner-widgets', false, dirname( plugin_basename( KLIMAPARTNER_WIDGETS_FILE ) ) . '/languages' );
}
add_action( 'init', 'klimapartner_widgets_load_textdomain', 0 );
