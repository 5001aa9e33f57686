using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AiRoi.Web.Display;

/// <summary>
/// The reader's language, from the browser's <c>Accept-Language</c>: it decides how dates are written on the pages.
/// It is set as the UI culture only; the formatting culture stays invariant, so numbers read the same for everyone
/// and every address keeps ISO dates (<c>?from=2026-09-01</c>).
/// </summary>
public static class ReaderLanguage
{
    /// <summary>
    /// Request localization for the web: any language a browser may name becomes the UI culture (a circuit keeps the
    /// one its page was opened with); the formatting culture is always the invariant one.
    /// </summary>
    public static RequestLocalizationOptions Options()
    {
        var languages = CultureInfo.GetCultures(CultureTypes.AllCultures).Where(culture => culture.Name.Length > 0).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.InvariantCulture),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = languages,
            FallBackToParentUICultures = true,
        };
    }

    /// <summary>A day in the reader's short date form; yyyy-MM-dd when the reader's language is not known.</summary>
    public static string Day(DateOnly day)
    {
        var reader = CultureInfo.CurrentUICulture;
        return reader.Name.Length == 0
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.ToString(reader.DateTimeFormat.ShortDatePattern, reader);
    }
}
