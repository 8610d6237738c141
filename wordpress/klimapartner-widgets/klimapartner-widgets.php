<?php
/**
 * Plugin Name:       Klimapartner-Widgets
 * Description:       Countdown, contact card, newsletter signup, interest form and share buttons of the programme Kommunale Klimapartnerschaften, as blocks, shortcodes, block patterns and HTML tags that every editor may use.
 * Version:           0.1.0
 * Requires at least: 4.7
 * Requires PHP:      7.0
 * License:           MIT
 * Text Domain:       klimapartner-widgets
 * Domain Path:       /languages
 *
 * @package KlimapartnerWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'KLIMAPARTNER_WIDGETS_VERSION', '0.1.0' );
define( 'KLIMAPARTNER_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/i18n.php';
require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/enqueue.php';
require_once __DIR__ . '/includes/pre-upgrade.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/patterns.php';
