<?php
/**
 * Block patterns (WordPress 5.5 and later): each widget as a Shortcode block,
 * so the administrator's receiver, privacy page, deadline and language apply
 * and every role may insert it.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The patterns: name => [title, shortcode].
 *
 * @return array<string, string[]>
 */
function klimapartner_widgets_patterns() {
	return array(
		'countdown'         => array(
			__( 'Countdown to the deadline', 'klimapartner-widgets' ),
			'[kp_countdown label="Interessensbekundung"]Frist für die Interessensbekundung: siehe Ausschreibung.[/kp_countdown]',
		),
		'contact-card'      => array(
			__( 'Contact card', 'klimapartner-widgets' ),
			'[kp_contact_card name="Erika Mustermann" job-title="Projektkoordination" organisation="Stadt Musterstadt" phone="0231 936960-14" email="erika.mustermann@example.org"]Erika Mustermann, Projektkoordination, Telefon 0231 936960-14, erika.mustermann@example.org[/kp_contact_card]',
		),
		'newsletter-signup' => array(
			__( 'Newsletter signup', 'klimapartner-widgets' ),
			'[kp_newsletter_signup]Die Anmeldung zum Newsletter braucht JavaScript.[/kp_newsletter_signup]',
		),
		'interest-form'     => array(
			__( 'Interest form', 'klimapartner-widgets' ),
			'[kp_interest_form]Das Formular zur Interessensbekundung braucht JavaScript.[/kp_interest_form]',
		),
		'share'             => array(
			__( 'Share buttons', 'klimapartner-widgets' ),
			'[kp_share networks="linkedin mastodon"]Seite teilen: Adresse aus der Adresszeile kopieren.[/kp_share]',
		),
	);
}

/** Registers the category and the patterns where the block editor has them. */
function klimapartner_widgets_register_patterns() {
	if ( ! function_exists( 'register_block_pattern' ) ) {
		return;
	}
	if ( function_exists( 'register_block_pattern_category' ) ) {
		register_block_pattern_category( 'klimapartner', array( 'label' => __( 'Klimapartner widgets', 'klimapartner-widgets' ) ) );
	}
	foreach ( klimapartner_widgets_patterns() as $name => $pattern ) {
		register_block_pattern(
			'klimapartner-widgets/' . $name,
			array(
				'title'      => $pattern[0],
				'categories' => array( 'klimapartner' ),
				'content'    => "<!-- wp:shortcode -->\n" . $pattern[1] . "\n<!-- /wp:shortcode -->",
			)
		);
	}
}
add_action( 'init', 'klimapartner_widgets_register_patterns' );
