<?php
/**
 * Lets users without unfiltered_html (authors, contributors, editors on a
 * multisite) write the widgets' tags and documented attributes in posts: in
 * a Custom HTML block, the classic editor's Text tab, or the REST API. Not
 * `action`: where the forms' data goes is the administrator's choice (the
 * plugin setting, added when the page is shown), so kses strips an author's.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds our tags to the tags allowed in posts.
 *
 * @param array  $allowed Tag => attribute => true.
 * @param string $context kses context.
 * @return array
 */
function klimapartner_widgets_allowed_html( $allowed, $context ) {
	if ( 'post' !== $context ) {
		return $allowed;
	}
	foreach ( klimapartner_widgets_elements() as $tag => $attributes ) {
		$allowed[ $tag ] = array_fill_keys( array_diff( $attributes, array( 'action' ) ), true );
	}
	return $allowed;
}
add_filter( 'wp_kses_allowed_html', 'klimapartner_widgets_allowed_html', 10, 2 );

/**
 * Has kses check the protocol of our URL attributes (WordPress 5.0.1 and
 * later; the content filter checks them again when the page is shown).
 *
 * @param string[] $attributes Attribute names holding URLs.
 * @return string[]
 */
function klimapartner_widgets_uri_attributes( $attributes ) {
	return array_values( array_unique( array_merge( $attributes, klimapartner_widgets_url_attributes() ) ) );
}
add_filter( 'wp_kses_uri_attributes', 'klimapartner_widgets_uri_attributes' );
