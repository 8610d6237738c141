/*
 * The editor side of the five blocks (their block.json files hold names,
 * attributes and titles; the server renders them: includes/blocks.php).
 * Plain JavaScript on WordPress's globals (dependencies: index.asset.php),
 * no build step. In the canvas: the real element with the block's attributes
 * (the module is loaded into the editor as well), the fallback text below it
 * as editable text; in the block's settings sidebar: one control per
 * attribute. Strings are translated through wp.i18n (JSON translations
 * written by scripts/build-wordpress.mjs from languages/*.po).
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var be = wp.blockEditor;
  var c = wp.components;
  var defaults = window.klimapartnerWidgetsSettings || {};

  var NETWORKS = ['linkedin', 'mastodon', 'bluesky', 'facebook', 'whatsapp', 'threema', 'x'];
  var LANGUAGES = ['de', 'en', 'fr', 'es', 'pt'];

  /** What the element accepts as a URL (src/shared/url.ts): http: or https:, relative to the page. */
  function isHttpUrl(value) {
    try {
      return /^https?:$/.test(new URL(value, document.baseURI).protocol);
    } catch (e) {
      return false;
    }
  }

  /** A deadline as the element reads it: a date, a local date-time, or one with offset. */
  function isDeadline(value) {
    return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value);
  }

  function kebab(name) {
    return name.replace(/[A-Z]/g, function (m) {
      return '-' + m.toLowerCase();
    });
  }

  /** Attribute => its label and the kind of control. */
  function fields() {
    return {
      lang: {label: __('Language', 'klimapartner-widgets'), kind: 'lang'},
      deadline: {label: __('Deadline', 'klimapartner-widgets'), kind: 'deadline'},
      timeZone: {label: __('Time zone (e.g. Europe/Berlin)', 'klimapartner-widgets')},
      label: {label: __('What ends (label)', 'klimapartner-widgets')},
      name: {label: __('Name', 'klimapartner-widgets')},
      jobTitle: {label: __('Job title', 'klimapartner-widgets')},
      organisation: {label: __('Organisation', 'klimapartner-widgets')},
      phone: {label: __('Phone', 'klimapartner-widgets')},
      email: {label: __('E-mail', 'klimapartner-widgets')},
      photo: {label: __('Photo (URL)', 'klimapartner-widgets'), kind: 'url'},
      mode: {label: __('How the form is sent', 'klimapartner-widgets'), kind: 'mode'},
      privacyUrl: {label: __('Privacy notice (URL)', 'klimapartner-widgets'), kind: 'url'},
      withName: {label: __('Ask for the name', 'klimapartner-widgets'), kind: 'toggle'},
      emailField: {label: __('Name of the e-mail field', 'klimapartner-widgets')},
      draft: {label: __('Keep what was typed as a draft', 'klimapartner-widgets'), kind: 'draft'},
      consentRequired: {label: __('Consent checkbox required', 'klimapartner-widgets'), kind: 'toggle'},
      url: {label: __('Address to share (URL)', 'klimapartner-widgets'), kind: 'url'},
      title: {label: __('Title to share', 'klimapartner-widgets')},
      networks: {label: __('Networks', 'klimapartner-widgets'), kind: 'networks'},
    };
  }

  function invalid(text) {
    return el(c.Notice, {status: 'error', isDismissible: false}, text);
  }

  /** The control of one attribute. */
  function control(key, field, value, set) {
    var change = function (v) {
      var next = {};
      next[key] = v;
      set(next);
    };
    var text = value || '';
    switch (field.kind) {
      case 'toggle':
        return el(c.ToggleControl, {key: key, label: field.label, checked: !!value, onChange: change});
      case 'draft':
        return el(c.ToggleControl, {key: key, label: field.label, checked: value !== 'off',
          onChange: function (on) { change(on ? '' : 'off'); }});
      case 'lang':
        return el(c.SelectControl, {key: key, label: field.label, value: text, onChange: change,
          options: [{value: '', label: __('As set under Settings', 'klimapartner-widgets')}].concat(
            LANGUAGES.map(function (l) { return {value: l, label: l}; }))});
      case 'mode':
        return el(c.SelectControl, {key: key, label: field.label, value: text, onChange: change,
          options: [{value: '', label: 'json'}, {value: 'form', label: 'form'}, {value: 'no-cors', label: 'no-cors'}]});
      case 'networks': {
        var on = text.split(/\s+/).filter(Boolean);
        return el(c.BaseControl, {key: key, label: field.label, id: 'kp-networks'}, NETWORKS.map(function (n) {
          return el(c.ToggleControl, {key: n, label: n, checked: on.indexOf(n) >= 0, onChange: function (checked) {
            change(NETWORKS.filter(function (m) { return m === n ? checked : on.indexOf(m) >= 0; }).join(' '));
          }});
        }));
      }
      case 'deadline':
        return el('div', {key: key},
          el(c.TextControl, {label: field.label, value: text, onChange: change,
            help: __('Empty: the default deadline under Settings.', 'klimapartner-widgets')}),
          text && !isDeadline(text) ? invalid(__('Not a date like 2027-03-31 or 2027-03-31T23:59.', 'klimapartner-widgets')) : null,
          el(c.DateTimePicker, {currentDate: isDeadline(text) ? text.slice(0, 19) : null, is12Hour: false,
            onChange: function (d) { change(d ? String(d).slice(0, 16) : ''); }}));
      case 'url':
        return el('div', {key: key},
          el(c.TextControl, {label: field.label, type: 'url', value: text, onChange: change}),
          text && !isHttpUrl(text) ? invalid(__('The element ignores this address: it must start with https:// or http:// or be a path such as /privacy/.', 'klimapartner-widgets')) : null);
      default:
        return el(c.TextControl, {key: key, label: field.label, value: text, onChange: change});
    }
  }

  /** The element's attributes for the preview: the block's, else the settings' defaults. */
  function elementProps(attributes, names) {
    var props = {style: {pointerEvents: 'none', display: 'block'}};
    var fill = {lang: defaults.lang, privacyUrl: defaults.privacy_url, deadline: defaults.deadline};
    names.forEach(function (key) {
      var v = attributes[key] || fill[key];
      if (v === true) props[kebab(key)] = '';
      else if (v) props[kebab(key)] = v;
    });
    return props;
  }

  function edit(tag) {
    return function (props) {
      var a = props.attributes;
      var all = fields();
      var names = Object.keys(wp.blocks.getBlockType(props.name).attributes).filter(function (k) {
        return Object.prototype.hasOwnProperty.call(all, k);
      });
      return el('div', be.useBlockProps(),
        el(be.InspectorControls, null,
          el(c.PanelBody, {title: __('Settings of the element', 'klimapartner-widgets')},
            names.map(function (key) { return control(key, all[key], a[key], props.setAttributes); }))),
        el(tag, elementProps(a, names)),
        el('div', {className: 'kp-block-fallback', style: {opacity: 0.75, fontSize: '0.9em', marginTop: '0.5em'}},
          el('strong', null, __('Text for visitors without JavaScript:', 'klimapartner-widgets')),
          el(be.RichText, {tagName: 'div', value: a.fallback || '', onChange: function (v) { props.setAttributes({fallback: v}); },
            placeholder: __('Write the fallback text…', 'klimapartner-widgets')})));
    };
  }

  ['countdown', 'contact-card', 'newsletter-signup', 'interest-form', 'share'].forEach(function (name) {
    // Attributes, title and the rest come from block.json, through the server's block definitions.
    wp.blocks.registerBlockType('klimapartner/' + name, {
      edit: edit('kp-' + name),
      save: function () { return null; },
    });
  });
})(window.wp);
