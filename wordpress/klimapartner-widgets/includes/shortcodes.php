<?php
/**
 * [kp_countdown], [kp_contact_card], [kp_newsletter_signup],
 * [kp_interest_form] and [kp_share]: the element with the shortcode's
 * attributes (documented ones only; `job_title` may stand for `job-title`),
 * the enclosed text as its fallback. The forms' `action` is always the
 * administrator's setting, whoever wrote the shortcode.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Renders one shortcode.
 *
 * @param array|string $atts    The shortcode's attributes ('' when none).
 * @param string|null  $content The enclosed text.
 * @param string       $code    The shortcode's name, e.g. kp_countdown.
 * @return string
 */
function klimapartner_widgets_shortcode( $atts, $content, $code ) {
	$tag     = str_replace( '_', '-', $code );
	$allowed = klimapartner_widgets_elements()[ $tag ];
	$attrs   = array();
	foreach ( (array) $atts as $key => $value ) {
		// A name without value ([kp_newsletter_signup with-name]) arrives under a numeric key.
		$name  = is_int( $key ) ? strtolower( $value ) : str_replace( '_', '-', strtolower( $key ) );
		$value = is_int( $key ) ? true : $value;
		if ( ! in_array( $name, $allowed, true ) || 'action' === $name ) {
			continue;
		}
		if ( in_array( $name, klimapartner_widgets_boolean_attributes(), true ) ) {
			if ( true === $value || ! in_array( strtolower( (string) $value ), array( '', '0', 'false', 'no', 'off' ), true ) ) {
				$attrs[ $name ] = true;
			}
			continue;
		}
		$attrs[ $name ] = (string) $value;
	}
	return klimapartner_widgets_render( $tag, $attrs, do_shortcode( (string) $content ) );
}

/** Registers the five shortcodes. */
function klimapartner_widgets_register_shortcodes() {
	foreach ( array_keys( klimapartner_widgets_elements() ) as $tag ) {
		add_shortcode( str_replace( '-', '_', $tag ), 'klimapartner_widgets_shortcode' );
	}
}
add_action( 'init', 'klimapartner_widgets_register_shortcodes' );
