using System.Diagnostics.CodeAnalysis;

namespace AiRoi.Domain;

/// <summary>
/// Collects the errors of one validation run. The checks shared by events and use cases live here so that the
/// same input breaks the same rule with the same code and message everywhere.
/// </summary>
internal sealed class FieldErrors
{
    // Made at the first error: most inputs are valid, and events are checked by the thousand.
    private List<ValidationError>? errors;

    public IReadOnlyList<ValidationError> ToList() => errors is null ? [] : errors.ToArray();

    private int Count => errors?.Count ?? 0;

    public void Add(string field, string code, string message) => (errors ??= []).Add(new ValidationError(field, code, message));

    /// <summary>A mandatory text: present, not blank, printable, at most <paramref name="maxLength"/>.</summary>
    public void RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, ValidationCodes.Required, $"{field} is required.");
            return;
        }

        PresentText(field, value, maxLength);
    }

    /// <summary>
    /// An optional text. Blank counts as absent (many senders write "" for "none"), so only a present value is
    /// checked. Returns whether a value is present.
    /// </summary>
    public bool OptionalText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        PresentText(field, value, maxLength);
        return true;
    }

    /// <summary>A mandatory id: text that also refuses invisible characters (<see cref="TextFormats.HasInvisibleCharacters"/>).</summary>
    public void RequiredId(string field, string? value, int maxLength)
    {
        var before = Count;
        RequiredText(field, value, maxLength);
        Invisible(field, value, before);
    }

    /// <summary>An optional id, as <see cref="RequiredId"/>; returns whether a value is present.</summary>
    public bool OptionalId(string field, string? value, int maxLength)
    {
        var before = Count;
        var present = OptionalText(field, value, maxLength);
        Invisible(field, value, before);
        return present;
    }

    private void Invisible(string field, string? value, int before)
    {
        if (Count == before && value is not null && TextFormats.HasInvisibleCharacters(value))
        {
            Add(field, ValidationCodes.InvalidFormat,
                $"{field} must not contain invisible characters (right-to-left override, zero-width space, byte-order mark): two ids that look alike must be alike.");
        }
    }

    /// <summary>A mandatory slug; see <see cref="TextFormats.IsSlug"/>.</summary>
    public void Slug(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, ValidationCodes.Required, $"{field} is required.");
        }
        else if (value.Length > TextFormats.MaxSlugLength)
        {
            Add(field, ValidationCodes.TooLong, $"{field} must be at most {TextFormats.MaxSlugLength} characters.");
        }
        else if (!TextFormats.IsSlug(value))
        {
            Add(field, ValidationCodes.InvalidFormat,
                $"{field} must be a slug: lowercase letters and digits joined by single hyphens, e.g. 'support-bot'.");
        }
    }

    /// <summary>A mandatory identifier; see <see cref="TextFormats.IsIdentifier"/>. Returns whether it is valid.</summary>
    public bool Identifier(string field, [NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, ValidationCodes.Required, $"{field} is required.");
            return false;
        }

        if (value.Length > TextFormats.MaxIdentifierLength)
        {
            Add(field, ValidationCodes.TooLong, $"{field} must be at most {TextFormats.MaxIdentifierLength} characters.");
            return false;
        }

        if (!TextFormats.IsIdentifier(value))
        {
            Add(field, ValidationCodes.InvalidFormat,
                $"{field} must start with a letter and contain only letters, digits and underscores, e.g. 'handleScore'.");
            return false;
        }

        return true;
    }

    /// <summary>A list that must be present (possibly empty) and at most <paramref name="max"/> long. Returns whether it may be walked.</summary>
    public bool List<T>(string field, [NotNullWhen(true)] IReadOnlyList<T>? list, int max)
    {
        if (list is null)
        {
            Add(field, ValidationCodes.Required, $"{field} must be a list (it may be empty).");
            return false;
        }

        if (list.Count > max)
        {
            Add(field, ValidationCodes.TooMany, $"{field} may have at most {max} entries.");
            return false;
        }

        return true;
    }

    /// <summary>A money amount: not negative and at most <paramref name="max"/> (decimal has no NaN or infinity).</summary>
    public void Money(string field, decimal? value, decimal max)
    {
        if (value is not { } amount)
        {
            return;
        }

        if (amount < 0)
        {
            Add(field, ValidationCodes.Negative, $"{field} must not be negative.");
        }
        else if (amount > max)
        {
            Add(field, ValidationCodes.OutOfRange, $"{field} must be at most {max}.");
        }
    }

    /// <summary>A non-money quantity: finite, not negative, at most <paramref name="max"/>.</summary>
    public void Quantity(string field, double? value, double max)
    {
        if (value is not { } number)
        {
            return;
        }

        if (!double.IsFinite(number))
        {
            Add(field, ValidationCodes.NotFinite, $"{field} must be a finite number.");
        }
        else if (number < 0)
        {
            Add(field, ValidationCodes.Negative, $"{field} must not be negative.");
        }
        else if (number > max)
        {
            Add(field, ValidationCodes.OutOfRange, $"{field} must be at most {max}.");
        }
    }

    /// <summary>An enum member sent by a client: zero means the field was missing (no enum here has a zero member).</summary>
    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, ValidationCodes.Required, $"{field} is required.");
        }
        else if (!Enum.IsDefined(value))
        {
            Add(field, ValidationCodes.UnknownValue,
                $"{field} must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(KebabCase))}.");
        }
    }

    /// <summary>
    /// The wire spelling of an enum member (<c>CustomerService</c> → <c>customer-service</c>), the same as
    /// System.Text.Json's kebab-case-lower naming policy that the HTTP layer applies to enums.
    /// </summary>
    internal static string KebabCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>Whether a present text breaks none of the rules of a text field: the check without naming the field.</summary>
    public static bool IsPlainText(string value, int maxLength) => value.Length <= maxLength && TextFormats.IsPrintable(value);

    private void PresentText(string field, string value, int maxLength)
    {
        if (IsPlainText(value, maxLength))
        {
            return;
        }
        if (value.Length > maxLength)
        {
            Add(field, ValidationCodes.TooLong, $"{field} must be at most {maxLength} characters.");
        }
        else if (!TextFormats.IsPrintable(value))
        {
            Add(field, ValidationCodes.InvalidFormat, $"{field} must not contain control characters.");
        }
    }
}
