namespace BasicTrust.Contracts.Documents;

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/upload.json</c>: the upload last begun for the session (the file's name and size
/// as its upload link was asked for, and when), so that after a reload the page can say how far it got: storage
/// itself holds only the blocks received, not how many there will be.
/// </summary>
public sealed record UploadDocument(string FileName, long Size, DateTimeOffset At);
