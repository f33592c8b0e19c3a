using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace PtHub.Web.Security;

/// <summary>
/// NIST SP 800-63B: length, not composition. At least <see cref="MinLength"/> characters and at most
/// <see cref="MaxLength"/> (the sign-in accepts the same, so no accepted password can lock its owner out); refused if
/// common (the shipped list <c>common-passwords.txt</c>, also padded with digits or symbols), one character repeated,
/// a repetition of a shorter part, or containing the user name. Each refusal says why.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<StaffUser>
{
    public const int MinLength = 12;

    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(Why(password ?? "", user.UserName) is { } why
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = why })
            : IdentityResult.Success);

    /// <summary>Why <paramref name="password"/> is refused, or null when it is acceptable.</summary>
    public static string? Why(string password, string? userName)
    {
        if (password.Length < MinLength)
        {
            return $"Passwords must have at least {MinLength} characters; a few words make a good one.";
        }

        if (password.Length > MaxLength)
        {
            return $"Passwords may have at most {MaxLength} characters.";
        }

        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() == 1)
        {
            return "The password repeats one character.";
        }

        if (IsRepetition(lower))
        {
            return "The password repeats a shorter part of itself.";
        }

        if (userName is { Length: >= 3 } name && lower.Contains(name.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "The password contains the user name.";
        }

        return Common.Value.Contains(lower) || Common.Value.Contains(lower.Trim(Padding))
            ? "The password is one of the most common (or one of them with digits or symbols added), which guessers try first."
            : null;
    }

    private static readonly char[] Padding = [.. "0123456789!@#$%^&*()_+-=.,?~ "];

    private static bool IsRepetition(string value)
    {
        for (var unit = 1; unit <= value.Length / 2; unit++)
        {
            if (value.Length % unit == 0 && string.Concat(Enumerable.Repeat(value[..unit], value.Length / unit)) == value)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PtHub.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
