<?php
/**
 * Loads klimapartner-widgets.js as a module, once, and only on pages whose
 * content has a widget: the shortcodes and the content filter call
 * klimapartner_widgets_enqueue() when they render one.
 *
 * WordPress 6.5 and later: wp_enqueue_script_module. Older versions (down to
 * 4.7, the oldest still given security fixes): a footer script whose tag the
 * script_loader_tag filter rewrites to type="module".
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The module's URL and version: the file's own time as ?ver=, so a rebuilt
 * file under the same plugin version is fetched anew.
 *
 * @return string[] URL, version.
 */
function klimapartner_widgets_module_source() {
	$file = plugin_dir_path( KLIMAPARTNER_WIDGETS_FILE ) . 'assets/klimapartner-widgets.js';
	$ver  = file_exists( $file ) ? KLIMAPARTNER_WIDGETS_VERSION . '.' . filemtime( $file ) : KLIMAPARTNER_WIDGETS_VERSION;
	return array( plugins_url( 'assets/klimapartner-widgets.js', KLIMAPARTNER_WIDGETS_FILE ), $ver );
}

/** Enqueues the module (safe to call any number of times). */
function klimapartner_widgets_enqueue() {
	list( $src, $ver ) = klimapartner_widgets_module_source();
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'klimapartner-widgets', $src, array(), $ver );
		return;
	}
	klimapartner_widgets_enqueue_script();
}

/**
 * Enqueues the module as a footer script written as type="module": before
 * 6.5, and in the block editor (whose iframe prints scripts, not script
 * modules).
 */
function klimapartner_widgets_enqueue_script() {
	list( $src, $ver ) = klimapartner_widgets_module_source();
	wp_enqueue_script( 'klimapartner-widgets', $src, array(), $ver, true );
}

/**
 * Before 6.5: writes our script's tag as a module.
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle Its handle.
 * @param string $src    Its URL.
 * @return string
 */
function klimapartner_widgets_module_tag( $tag, $handle, $src ) {
	if ( 'klimapartner-widgets' !== $handle ) {
		return $tag;
	}
	// phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- the enqueued script's own tag.
	return '<script type="module" src="' . esc_url( $src ) . '" id="klimapartner-widgets-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'klimapartner_widgets_module_tag', 10, 3 );
