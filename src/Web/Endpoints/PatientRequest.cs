namespace PtHub.Web.Endpoints;

/// <summary>
/// A patient's demographics as the desk types them. <c>confirmedNew</c>: the desk has seen the known patients that
/// look the same (the 409's <c>matches</c>) and this is somebody else.
/// </summary>
public sealed record PatientRequest(string? FirstName, string? LastName, DateOnly? BirthDate, string? Phone, string? Email, bool? ConfirmedNew = null)
{
    public IReadOnlyDictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(FirstName) || FirstName.Length > 100)
        {
            errors["firstName"] = ["A first name of 1 to 100 characters is required."];
        }

        if (string.IsNullOrWhiteSpace(LastName) || LastName.Length > 100)
        {
            errors["lastName"] = ["A last name of 1 to 100 characters is required."];
        }

        if (BirthDate is not { } born || born > today || born < today.AddYears(-130))
        {
            errors["birthDate"] = ["A birth date (yyyy-MM-dd) in the past 130 years is required."];
        }

        if (!string.IsNullOrWhiteSpace(Phone) && !IsPhone(Phone))
        {
            errors["phone"] = ["A phone number has 7 to 15 digits and at most 40 characters: digits, spaces, +, -, dots and brackets only."];
        }

        if (Email is { } email && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors["email"] = ["An email address needs an '@' and at most 200 characters."];
        }

        return errors;
    }

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return phone.Length <= 40 && digits is >= 7 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')');
    }
}
