namespace PtHub.Grains;

/// <summary>
/// The US National Provider Identifier: ten digits whose last is a Luhn check digit computed over the nine before it
/// prefixed by 80840 (the card-issuer prefix CMS assigned to health care), so a typo in one digit is caught.
/// </summary>
public static class Npi
{
    public static bool IsValid(string? npi)
    {
        if (npi is not { Length: 10 } || !npi.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = "80840" + npi;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
