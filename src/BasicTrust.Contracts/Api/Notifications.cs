namespace BasicTrust.Contracts.Api;

/// <summary>
/// <c>GET</c> and <c>PUT /api/me/notifications</c>: the caller's own mail settings. <c>Address</c> is where mail goes
/// (null: none known, so no mail); <c>FromSignIn</c> says it was taken from the sign-in, not typed by the person.
/// <c>Language</c> is the mail's language, <c>nl</c> or <c>en</c>.
/// </summary>
public sealed record NotificationSettings(bool Enabled, string? Address, string Language, bool FromSignIn);

/// <summary><c>PUT /api/me/notifications</c>: what to change; a field left out keeps its value, an empty address removes it.</summary>
public sealed record NotificationSettingsRequest(bool? Enabled, string? Address, string? Language);
