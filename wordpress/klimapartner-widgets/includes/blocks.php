<?php
/**
 * The blocks klimapartner/countdown, …/contact-card, …/newsletter-signup,
 * …/interest-form and …/share (blocks/<name>/block.json, API version 3):
 * dynamic blocks whose post holds only the block comment with the
 * attributes; rendered here through the shortcodes' renderer, so a block, a
 * shortcode and a tag give the same element. The editor script
 * (blocks/index.js, no build step) shows the element itself in the editor,
 * so the built module is loaded there too (also inside the editor's iframe).
 *
 * WordPress before 6.1 (the oldest release the blocks are tested on): no
 * blocks, a notice naming the version, the shortcodes and patterns as before.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The WordPress release the blocks need. */
const KLIMAPARTNER_WIDGETS_BLOCKS_NEED = '6.1';

/** Whether this WordPress gets the blocks. */
function klimapartner_widgets_has_blocks() {
	return function_exists( 'register_block_type' ) && version_compare( get_bloginfo( 'version' ), KLIMAPARTNER_WIDGETS_BLOCKS_NEED, '>=' );
}

/** The blocks' folder names (= the tag without kp-). */
function klimapartner_widgets_block_names() {
	return array_map(
		function ( $tag ) {
			return substr( $tag, 3 );
		},
		array_keys( klimapartner_widgets_elements() )
	);
}

/**
 * Renders one block: its attributes (camelCase) as the element's (kebab-case),
 * `className` as `class`, `fallback` as the children.
 *
 * @param array    $attributes The block's attributes.
 * @param string   $content    Inner content (none: the blocks are dynamic).
 * @param WP_Block $block      The block.
 * @return string
 */
function klimapartner_widgets_render_block( $attributes, $content, $block ) {
	$tag     = 'kp-' . substr( $block->name, strlen( 'klimapartner/' ) );
	$allowed = klimapartner_widgets_elements()[ $tag ];
	$attrs   = array();
	foreach ( (array) $attributes as $key => $value ) {
		$name = 'className' === $key ? 'class' : strtolower( preg_replace( '/[A-Z]/', '-$0', $key ) );
		if ( ! in_array( $name, $allowed, true ) || false === $value || '' === $value || ! is_scalar( $value ) ) {
			continue;
		}
		$attrs[ $name ] = true === $value ? true : (string) $value;
	}
	$fallback = isset( $attributes['fallback'] ) && is_string( $attributes['fallback'] ) ? $attributes['fallback'] : '';
	return klimapartner_widgets_render( $tag, $attrs, $fallback );
}

/** Registers the editor script (with its translations) and the five blocks. */
function klimapartner_widgets_register_blocks() {
	if ( ! klimapartner_widgets_has_blocks() ) {
		return;
	}
	$dir   = plugin_dir_path( KLIMAPARTNER_WIDGETS_FILE );
	$asset = require $dir . 'blocks/index.asset.php';
	wp_register_script( 'klimapartner-widgets-blocks', plugins_url( 'blocks/index.js', KLIMAPARTNER_WIDGETS_FILE ), $asset['dependencies'], $asset['version'], true );
	wp_set_script_translations( 'klimapartner-widgets-blocks', 'klimapartner-widgets', $dir . 'languages' );
	$settings = klimapartner_widgets_settings();
	unset( $settings['action'] );
	wp_add_inline_script( 'klimapartner-widgets-blocks', 'window.klimapartnerWidgetsSettings = ' . wp_json_encode( $settings ) . ';', 'before' );
	foreach ( klimapartner_widgets_block_names() as $name ) {
		register_block_type( $dir . 'blocks/' . $name, array( 'render_callback' => 'klimapartner_widgets_render_block' ) );
	}
}
add_action( 'init', 'klimapartner_widgets_register_blocks' );

/**
 * In the editor (its page and, from 6.3, its iframe): the module, so the
 * blocks show the real elements.
 */
function klimapartner_widgets_editor_module() {
	if ( is_admin() && klimapartner_widgets_has_blocks() ) {
		klimapartner_widgets_enqueue_script();
	}
}
add_action( 'enqueue_block_assets', 'klimapartner_widgets_editor_module' );

/** Before 6.1: says on the dashboard and the plugin list which version the blocks need. */
function klimapartner_widgets_blocks_notice() {
	$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
	if ( klimapartner_widgets_has_blocks() || ! $screen || ! in_array( $screen->id, array( 'dashboard', 'plugins' ), true ) ) {
		return;
	}
	/* translators: 1: a WordPress version such as 6.1, 2: the version this site runs. */
	$text = __( 'Klimapartner-Widgets: the blocks need WordPress %1$s or later (this site runs %2$s). The shortcodes and patterns work as before.', 'klimapartner-widgets' );
	echo '<div class="notice notice-info"><p>' . esc_html( sprintf( $text, KLIMAPARTNER_WIDGETS_BLOCKS_NEED, get_bloginfo( 'version' ) ) ) . '</p></div>';
}
add_action( 'admin_notices', 'klimapartner_widgets_blocks_notice' );
