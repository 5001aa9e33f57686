// Marks the document once the server circuit has rendered interactively: until then, prerendered buttons are
// visible but do nothing. Browser tests (and anyone curious) can wait for html[data-interactive].
window.airoi = {
    markInteractive: () => document.documentElement.setAttribute("data-interactive", "true"),

    // Saves a file the server wrote (a table's or a chart's data as CSV) under its name.
    download: async (fileName, contentStreamReference) => {
        const buffer = await contentStreamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: "text/csv;charset=utf-8" }));
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = fileName ?? "";
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        URL.revokeObjectURL(url);
    },
};
