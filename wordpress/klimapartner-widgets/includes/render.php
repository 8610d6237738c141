<?php
/**
 * What every widget on a page gets, however it was written (shortcode, block
 * pattern, or the tag itself in a Custom HTML block or the classic editor):
 * the administrator's defaults for missing attributes, the module on the
 * page, and the tags freed from the paragraphs wpautop wraps around them
 * (else the browser closes the element at the first `</p>` and its fallback
 * text stays visible below the widget).
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the settings' values for attributes the widget does not have: `lang`
 * (all), `action` and `privacy-url` (forms), `deadline` (countdown, interest
 * form).
 *
 * @param string $tag   Element name.
 * @param array  $attrs Attribute name => value.
 * @return array
 */
function klimapartner_widgets_complete( $tag, $attrs ) {
	$settings = klimapartner_widgets_settings();
	$defaults = array( 'lang' => $settings['lang'] );
	if ( in_array( $tag, array( 'kp-newsletter-signup', 'kp-interest-form' ), true ) ) {
		$defaults['action']      = $settings['action'];
		$defaults['privacy-url'] = $settings['privacy_url'];
	}
	if ( in_array( $tag, array( 'kp-countdown', 'kp-interest-form' ), true ) ) {
		$defaults['deadline'] = $settings['deadline'];
	}
	foreach ( $defaults as $name => $value ) {
		if ( '' !== $value && ! array_key_exists( $name, $attrs ) ) {
			$attrs[ $name ] = $value;
		}
	}
	return $attrs;
}

/**
 * The start tag, every value escaped. A URL attribute whose protocol
 * esc_url refuses (javascript: and the like) is left out.
 *
 * @param string $tag   Element name.
 * @param array  $attrs Attribute name => value (true: without value).
 * @return string
 */
function klimapartner_widgets_start_tag( $tag, $attrs ) {
	$html = '<' . $tag;
	foreach ( $attrs as $name => $value ) {
		$name = strtolower( $name );
		if ( ! preg_match( '/^[a-z][a-z0-9-]*$/', $name ) ) {
			continue;
		}
		if ( true === $value ) {
			$html .= ' ' . $name;
			continue;
		}
		$safe = in_array( $name, klimapartner_widgets_url_attributes(), true ) ? esc_url( $value ) : esc_attr( $value );
		if ( '' !== $safe || '' === $value ) {
			$html .= ' ' . $name . '="' . $safe . '"';
		}
	}
	return $html . '>';
}

/**
 * One element as the shortcodes and the blocks write it: the attributes
 * without `action` (the administrator's setting decides it), completed with
 * the settings' defaults, every value escaped, the fallback as its children;
 * the module enqueued, and the element's pre-upgrade CSS.
 *
 * @param string $tag   Element name.
 * @param array  $attrs Documented attribute name => value (true: without value).
 * @param string $inner The fallback (HTML as kses left it).
 * @return string
 */
function klimapartner_widgets_render( $tag, $attrs, $inner ) {
	unset( $attrs['action'] );
	$attrs = klimapartner_widgets_complete( $tag, $attrs );
	klimapartner_widgets_enqueue();
	klimapartner_widgets_pre_upgrade( array( $tag ) );
	return klimapartner_widgets_start_tag( $tag, $attrs ) . klimapartner_widgets_clean_inner( $inner ) . '</' . $tag . '>';
}

/** The regular-expression alternation of our tag names. */
function klimapartner_widgets_tag_pattern() {
	return implode( '|', array_map( 'preg_quote', array_keys( klimapartner_widgets_elements() ) ) );
}

/**
 * A start tag written in the content (as kses left it), completed and
 * written anew with every value escaped.
 *
 * @param array $m Match: 1 the name, 2 the attributes.
 * @return string
 */
function klimapartner_widgets_complete_tag( $m ) {
	$attrs = array();
	foreach ( wp_kses_hair( $m[2], wp_allowed_protocols() ) as $name => $attr ) {
		$attrs[ $name ] = 'y' === $attr['vless'] ? true : wp_specialchars_decode( $attr['value'], ENT_QUOTES );
	}
	return klimapartner_widgets_start_tag( $m[1], klimapartner_widgets_complete( $m[1], $attrs ) );
}

/**
 * A fallback as the element's children: without the paragraph ends and line
 * breaks wpautop left at its edges, with its paragraphs balanced.
 *
 * @param string $inner What stood between the start and the end tag.
 * @return string
 */
function klimapartner_widgets_clean_inner( $inner ) {
	$inner = preg_replace( '/^(?:\s*(?:<br\s*\/?>|<\/p>))+/', '', $inner );
	$inner = preg_replace( '/(?:(?:<br\s*\/?>|<p>)\s*)+$/', '', rtrim( $inner ) );
	return force_balance_tags( trim( $inner ) );
}

/**
 * One element found in the content, freed from the paragraph wpautop opened
 * before it and closed after it. A widget written inline in a sentence keeps
 * its paragraph.
 *
 * @param array $m Match: 1 `<p>` before, 2 start tag, 3 name, 4 children, 5 end tag, 6 `</p>` after.
 * @return string
 */
function klimapartner_widgets_unwrap( $m ) {
	$after  = isset( $m[6] ) ? $m[6] : '';
	$opened = (bool) preg_match( '/^(?:\s*<br\s*\/?>)*\s*<\/p>/', $m[4] );
	$closed = (bool) preg_match( '/<p>(?:\s*<br\s*\/?>)*\s*$/', $m[4] );
	$before = '' !== $m[1] && ( '' !== $after || $opened ) ? '' : $m[1];
	$after  = '' !== $after && ( '' !== $m[1] || $closed ) ? '' : $after;
	return $before . $m[2] . klimapartner_widgets_clean_inner( $m[4] ) . $m[5] . $after;
}

/**
 * Removes the paragraphs and line breaks wpautop put around and just inside
 * our elements (they do not nest, so the shortest match is the element).
 *
 * @param string $html Rendered content.
 * @return string
 */
function klimapartner_widgets_unautop( $html ) {
	$tags = klimapartner_widgets_tag_pattern();
	return preg_replace_callback(
		'/(<p>\s*)?(<(' . $tags . ')(?=[\s\/>])[^>]*>)(.*?)(<\/\3>)((?:\s*<br\s*\/?>)?\s*<\/p>)?/s',
		'klimapartner_widgets_unwrap',
		$html
	);
}

/**
 * The content filter (after shortcodes): completes, unwraps, enqueues the
 * module and the pre-upgrade CSS.
 *
 * @param string $content Rendered post content.
 * @return string
 */
function klimapartner_widgets_filter_content( $content ) {
	if ( false === strpos( $content, '<kp-' ) ) {
		return $content;
	}
	$tags    = klimapartner_widgets_tag_pattern();
	$content = preg_replace_callback( '/<(' . $tags . ')(?=[\s\/>])([^>]*)>/', 'klimapartner_widgets_complete_tag', $content );
	$content = klimapartner_widgets_unautop( $content );
	klimapartner_widgets_enqueue();
	klimapartner_widgets_pre_upgrade( klimapartner_widgets_elements_in( $content ) );
	return $content;
}
add_filter( 'the_content', 'klimapartner_widgets_filter_content', 12 );
