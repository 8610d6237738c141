<?php
/**
 * Settings → Klimapartner-Widgets: the forms' receiver, the privacy page, the
 * default language and deadline, stored in one option `klimapartner_widgets`.
 * Settings API: options.php checks the nonce and the capability
 * (manage_options); every value is sanitized on the way in and escaped on the
 * way out.
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The stored settings, with every key present.
 *
 * @return array{action: string, privacy_url: string, lang: string, deadline: string}
 */
function klimapartner_widgets_settings() {
	$defaults = array(
		'action'      => '',
		'privacy_url' => '',
		'lang'        => '',
		'deadline'    => '',
	);
	$stored   = get_option( 'klimapartner_widgets', array() );
	return array_merge( $defaults, is_array( $stored ) ? array_intersect_key( $stored, $defaults ) : array() );
}

/**
 * A receiver or privacy URL as the widgets accept it: a path on this site,
 * https:, or http: on localhost / 127.0.0.1 only. '' when not.
 *
 * @param string $url What the administrator typed.
 * @return string
 */
function klimapartner_widgets_clean_url( $url ) {
	$url = trim( (string) $url );
	if ( '' === $url ) {
		return '';
	}
	if ( '/' === $url[0] && ( strlen( $url ) < 2 || '/' !== $url[1] ) ) {
		return esc_url_raw( $url );
	}
	$parts = wp_parse_url( $url );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	$local  = in_array( strtolower( $parts['host'] ), array( 'localhost', '127.0.0.1' ), true );
	if ( 'https' === $scheme || ( 'http' === $scheme && $local ) ) {
		return esc_url_raw( $url, array( 'http', 'https' ) );
	}
	return '';
}

/**
 * Sanitizes the settings form; a value that is not accepted keeps the old
 * one and says why (settings_errors prints the message as HTML: escaped here).
 *
 * @param mixed $input The submitted array.
 * @return array
 */
function klimapartner_widgets_sanitize( $input ) {
	$old   = klimapartner_widgets_settings();
	$input = is_array( $input ) ? $input : array(); // options.php has unslashed it.
	$out   = $old;

	foreach ( array( 'action', 'privacy_url' ) as $key ) {
		$given = isset( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$clean = klimapartner_widgets_clean_url( $given );
		if ( '' !== $given && '' === $clean ) {
			add_settings_error(
				'klimapartner_widgets',
				'bad-' . $key,
				/* translators: %s: the URL as typed */
				sprintf( esc_html__( 'Not saved: “%s” is neither a path on this site (/…) nor an https: address.', 'klimapartner-widgets' ), esc_html( $given ) )
			);
			continue;
		}
		$out[ $key ] = $clean;
	}

	$lang        = isset( $input['lang'] ) ? sanitize_key( $input['lang'] ) : '';
	$out['lang'] = in_array( $lang, klimapartner_widgets_languages(), true ) ? $lang : '';

	$deadline = isset( $input['deadline'] ) ? trim( sanitize_text_field( $input['deadline'] ) ) : '';
	if ( '' === $deadline || preg_match( '/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/', $deadline ) ) {
		$out['deadline'] = $deadline;
	} else {
		add_settings_error(
			'klimapartner_widgets',
			'bad-deadline',
			/* translators: %s: the deadline as typed */
			sprintf( esc_html__( 'Not saved: “%s” is not a date like 2027-03-31 or 2027-03-31T23:59.', 'klimapartner-widgets' ), esc_html( $deadline ) )
		);
	}
	return $out;
}

/** Registers the option, its section and fields. */
function klimapartner_widgets_register_settings() {
	register_setting(
		'klimapartner_widgets',
		'klimapartner_widgets',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'klimapartner_widgets_sanitize',
			'default'           => array(),
		)
	);
	add_settings_section( 'klimapartner_widgets_main', '', '__return_false', 'klimapartner-widgets' );
	$fields = array(
		'action'      => __( 'Receiver URL of the forms', 'klimapartner-widgets' ),
		'privacy_url' => __( 'Privacy notice (URL)', 'klimapartner-widgets' ),
		'lang'        => __( 'Default language', 'klimapartner-widgets' ),
		'deadline'    => __( 'Default deadline', 'klimapartner-widgets' ),
	);
	foreach ( $fields as $key => $label ) {
		add_settings_field(
			'klimapartner_widgets_' . $key,
			$label,
			'klimapartner_widgets_field',
			'klimapartner-widgets',
			'klimapartner_widgets_main',
			array(
				'key'       => $key,
				'label_for' => 'klimapartner_widgets_' . $key,
			)
		);
	}
}
add_action( 'admin_init', 'klimapartner_widgets_register_settings' );

/**
 * Prints one field.
 *
 * @param array $args `key` of the option array.
 */
function klimapartner_widgets_field( $args ) {
	$key      = $args['key'];
	$settings = klimapartner_widgets_settings();
	$id       = 'klimapartner_widgets_' . $key;
	$name     = 'klimapartner_widgets[' . $key . ']';
	if ( 'lang' === $key ) {
		echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '">';
		echo '<option value="">' . esc_html__( 'The page’s language', 'klimapartner-widgets' ) . '</option>';
		foreach ( klimapartner_widgets_languages() as $code ) {
			echo '<option value="' . esc_attr( $code ) . '"' . selected( $settings['lang'], $code, false ) . '>' . esc_html( $code ) . '</option>';
		}
		echo '</select>';
		echo '<p class="description">' . esc_html__( 'For widgets without their own lang attribute. On a site in another language whose widgets carry German fallback text, choose de.', 'klimapartner-widgets' ) . '</p>';
		return;
	}
	$hints = array(
		'action'      => __( 'Where both forms are sent, e.g. /api/submit (the receiver behind this site) or https://forms.example.org/api/submit. Only administrators choose it: an action written by an author is ignored.', 'klimapartner-widgets' ),
		'privacy_url' => __( 'Linked from the forms’ consent text, unless a widget names its own.', 'klimapartner-widgets' ),
		'deadline'    => __( 'For countdowns and interest forms without their own deadline, e.g. 2027-03-31 (the end of that day, Europe/Berlin).', 'klimapartner-widgets' ),
	);
	printf(
		'<input type="text" class="regular-text" id="%1$s" name="%2$s" value="%3$s"><p class="description">%4$s</p>',
		esc_attr( $id ),
		esc_attr( $name ),
		esc_attr( $settings[ $key ] ),
		esc_html( $hints[ $key ] )
	);
}

/** The page under Settings. */
function klimapartner_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
	settings_fields( 'klimapartner_widgets' );
	do_settings_sections( 'klimapartner-widgets' );
	// The plugin's own label: translated even where WordPress's own language pack is missing.
	submit_button( __( 'Save Changes', 'klimapartner-widgets' ) );
	echo '</form></div>';
}

/** Adds the page to the Settings menu. */
function klimapartner_widgets_menu() {
	add_options_page(
		__( 'Klimapartner-Widgets', 'klimapartner-widgets' ),
		__( 'Klimapartner-Widgets', 'klimapartner-widgets' ),
		'manage_options',
		'klimapartner-widgets',
		'klimapartner_widgets_settings_page'
	);
}
add_action( 'admin_menu', 'klimapartner_widgets_menu' );
