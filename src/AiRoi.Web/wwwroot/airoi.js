// Marks the document once the server circuit has rendered interactively: until then, prerendered buttons are
// visible but do nothing. Browser tests (and anyone curious) can wait for html[data-interactive].
window.airoi = {
    markInteractive: () => document.documentElement.setAttribute("data-interactive", "true"),
};
