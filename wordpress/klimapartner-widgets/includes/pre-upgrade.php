<?php
/**
 * The pre-upgrade CSS of docs/embedding.md: until the module has defined an
 * element, the element holds the height it will have, so nothing below it
 * moves when it renders. Printed once, in the head, for the elements of the
 * page only: those the posts the page shows contain (as block, shortcode or
 * tag), and those rendered before the head (a block theme renders its
 * template first). An element rendered after the head (a shortcode in a
 * classic theme's widget area) gets its rules in the footer.
 *
 * The file assets/pre-upgrade.json holds each element's rules; the build writes it from
 * the one source, demo/docs/js/pre-upgrade.js (scripts/build-wordpress.mjs).
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Tag => its pre-upgrade rules (none when the file is missing).
 *
 * @return array<string, string>
 */
function klimapartner_widgets_pre_upgrade_rules() {
	static $rules = null;
	if ( null === $rules ) {
		$file  = plugin_dir_path( KLIMAPARTNER_WIDGETS_FILE ) . 'assets/pre-upgrade.json';
		$rules = file_exists( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : array();
		$rules = is_array( $rules ) ? $rules : array();
	}
	return $rules;
}

/**
 * Prints the rules of `tags` not printed yet: in the head when it is still to
 * come, else in the footer (WordPress prints styles enqueued late there).
 *
 * @param string[] $tags Element names.
 */
function klimapartner_widgets_pre_upgrade( $tags ) {
	static $printed = array();
	$rules = klimapartner_widgets_pre_upgrade_rules();
	$css   = array();
	foreach ( array_unique( $tags ) as $tag ) {
		if ( isset( $rules[ $tag ] ) && ! in_array( $tag, $printed, true ) ) {
			$printed[] = $tag;
			$css[]     = $rules[ $tag ];
		}
	}
	if ( ! $css ) {
		return;
	}
	$handle = 'klimapartner-widgets-pre-upgrade';
	if ( wp_style_is( $handle, 'done' ) ) {
		$handle .= '-late';
	}
	if ( ! wp_style_is( $handle, 'registered' ) ) {
		wp_register_style( $handle, false, array(), KLIMAPARTNER_WIDGETS_VERSION );
	}
	wp_add_inline_style( $handle, implode( "\n", $css ) );
	wp_enqueue_style( $handle );
}

/**
 * The elements a text contains as tag, shortcode or block.
 *
 * @param string $content A post's content as stored.
 * @return string[]
 */
function klimapartner_widgets_elements_in( $content ) {
	$found = array();
	foreach ( array_keys( klimapartner_widgets_elements() ) as $tag ) {
		$written = array( '<' . $tag, '[' . str_replace( '-', '_', $tag ), '<!-- wp:klimapartner/' . substr( $tag, 3 ) . ' ' );
		foreach ( $written as $start ) {
			if ( false !== stripos( $content, $start ) ) {
				$found[] = $tag;
				break;
			}
		}
	}
	return $found;
}

/** Before the head: the rules of the elements in the posts the page shows. */
function klimapartner_widgets_pre_upgrade_head() {
	global $wp_query;
	$found = array();
	foreach ( $wp_query ? (array) $wp_query->posts : array() as $post ) {
		if ( $post instanceof WP_Post ) {
			$found = array_merge( $found, klimapartner_widgets_elements_in( $post->post_content ) );
		}
	}
	klimapartner_widgets_pre_upgrade( $found );
}
add_action( 'wp_enqueue_scripts', 'klimapartner_widgets_pre_upgrade_head' );
