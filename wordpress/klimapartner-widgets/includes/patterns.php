<?php
/**
 * Block patterns (WordPress 5.5 and later): each widget as its block (6.1
 * and later, see blocks.php), before that as a Shortcode block; either way
 * the administrator's receiver, privacy page, deadline and language apply
 * and every role may insert it.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The patterns: name => [title, attributes (as the element names them), fallback].
 *
 * @return array<string, array>
 */
function klimapartner_widgets_patterns() {
	return array(
		'countdown'         => array(
			__( 'Countdown to the deadline', 'klimapartner-widgets' ),
			array( 'label' => 'Interessensbekundung' ),
			'Frist für die Interessensbekundung: siehe Ausschreibung.',
		),
		'contact-card'      => array(
			__( 'Contact card', 'klimapartner-widgets' ),
			array(
				'name'         => 'Erika Mustermann',
				'job-title'    => 'Projektkoordination',
				'organisation' => 'Stadt Musterstadt',
				'phone'        => '0231 936960-14',
				'email'        => 'erika.mustermann@example.org',
			),
			'Erika Mustermann, Projektkoordination, Telefon 0231 936960-14, erika.mustermann@example.org',
		),
		'newsletter-signup' => array(
			__( 'Newsletter signup', 'klimapartner-widgets' ),
			array(),
			'Die Anmeldung zum Newsletter braucht JavaScript.',
		),
		'interest-form'     => array(
			__( 'Interest form', 'klimapartner-widgets' ),
			array(),
			'Das Formular zur Interessensbekundung braucht JavaScript.',
		),
		'share'             => array(
			__( 'Share buttons', 'klimapartner-widgets' ),
			array( 'networks' => 'linkedin mastodon' ),
			'Seite teilen: Adresse aus der Adresszeile kopieren.',
		),
	);
}

/**
 * A pattern's content: its block where the blocks are registered, else a
 * Shortcode block.
 *
 * @param string $name     Pattern name (= the block's, the tag without kp-).
 * @param array  $attrs    Attribute name => value.
 * @param string $fallback The fallback text.
 * @return string
 */
function klimapartner_widgets_pattern_content( $name, $attrs, $fallback ) {
	if ( klimapartner_widgets_has_blocks() ) {
		$block = array();
		foreach ( $attrs as $key => $value ) {
			$block[ lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $key ) ) ) ) ] = $value;
		}
		$block['fallback'] = $fallback;
		return '<!-- wp:klimapartner/' . $name . ' ' . serialize_block_attributes( $block ) . ' /-->';
	}
	$code = 'kp_' . str_replace( '-', '_', $name );
	$open = $code;
	foreach ( $attrs as $key => $value ) {
		$open .= ' ' . $key . '="' . $value . '"';
	}
	return "<!-- wp:shortcode -->\n[" . $open . ']' . $fallback . '[/' . $code . "]\n<!-- /wp:shortcode -->";
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
				'content'    => klimapartner_widgets_pattern_content( $name, $pattern[1], $pattern[2] ),
			)
		);
	}
}
add_action( 'init', 'klimapartner_widgets_register_patterns' );
