using System.Text.Json;

namespace BasicTrust.Cli.Api;

/// <summary>A saved sign-in: the bearer token and, for Entra ID tokens, when it expires.</summary>
sealed record SavedSignIn(string Token, DateTimeOffset? ExpiresOn);

/// <summary>
/// Where <c>bt login</c> keeps the token between commands: <c>signin.json</c> in the config folder
/// (<c>--config-dir</c>, BT_CONFIG_DIR, or ~/.config/basictrust), readable by its owner only.
/// </summary>
sealed class SignInStore(string folder)
{
    string FilePath => Path.Combine(folder, "signin.json");

    public static string DefaultFolder() => Environment.GetEnvironmentVariable("BT_CONFIG_DIR")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "basictrust");

    public async Task SaveAsync(SavedSignIn signIn, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(FilePath, options);
        await JsonSerializer.SerializeAsync(file, signIn, cancellationToken: ct);
    }

    /// <summary>The saved token; an <see cref="ApiException"/> that says to sign in when there is none or it expired.</summary>
    public string Token()
    {
        SavedSignIn? saved = null;
        try { saved = JsonSerializer.Deserialize<SavedSignIn>(File.ReadAllText(FilePath)); }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { }
        if (saved is null || string.IsNullOrWhiteSpace(saved.Token)) throw new ApiException("Not signed in: run bt login (or pass --token).", []);
        if (saved.ExpiresOn <= DateTimeOffset.UtcNow) throw new ApiException("Your sign-in has expired: run bt login again.", []);
        return saved.Token;
    }

    public bool Forget()
    {
        if (!File.Exists(FilePath)) return false;
        File.Delete(FilePath);
        return true;
    }
}
