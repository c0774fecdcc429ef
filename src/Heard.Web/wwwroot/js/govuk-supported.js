// Runs before the page paints so GOV.UK Frontend's JavaScript-only styles apply without a flash.
// (The design system's template does this inline; Heard's content security policy allows no inline script.)
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
