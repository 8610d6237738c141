<?php
/**
 * The elements of klimapartner-widgets.js and their documented attributes
 * (as the project documents them): the one list the shortcodes, kses and
 * the content filter read.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Tag => documented attributes (the build fails when these differ from
 * dist/custom-elements.json: scripts/build-wordpress.mjs). `action` is listed for the forms, but only an
 * administrator's setting (or a user with unfiltered_html writing the tag
 * itself) decides it: see kses.php and shortcodes.php.
 *
 * @return array<string, string[]>
 */
function klimapartner_widgets_elements() {
	$common = array( 'lang', 'class', 'id' );
	$form   = array( 'action', 'mode', 'privacy-url', 'draft' );
	return array(
		'kp-countdown'         => array_merge( $common, array( 'deadline', 'time-zone', 'label' ) ),
		'kp-contact-card'      => array_merge( $common, array( 'name', 'job-title', 'organisation', 'phone', 'email', 'photo' ) ),
		'kp-newsletter-signup' => array_merge( $common, $form, array( 'with-name', 'email-field' ) ),
		'kp-interest-form'     => array_merge( $common, $form, array( 'deadline', 'time-zone', 'consent-required' ) ),
		'kp-share'             => array_merge( $common, array( 'url', 'title', 'networks' ) ),
	);
}

/**
 * Attributes holding a URL: kses checks their protocol (no `javascript:`),
 * the shortcodes escape them with esc_url.
 *
 * @return string[]
 */
function klimapartner_widgets_url_attributes() {
	return array( 'action', 'privacy-url', 'photo', 'url' );
}

/**
 * Attributes without a value (present = on).
 *
 * @return string[]
 */
function klimapartner_widgets_boolean_attributes() {
	return array( 'with-name', 'consent-required' );
}

/** The languages the widgets speak. */
function klimapartner_widgets_languages() {
	return array( 'de', 'en', 'fr', 'es', 'pt' );
}
