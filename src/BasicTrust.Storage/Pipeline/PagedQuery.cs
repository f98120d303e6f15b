using Azure;

namespace BasicTrust.Storage.Pipeline;

/// <summary>An <see cref="AsyncPageable{T}"/> over a continuation-token query: fetches a page only when asked.</summary>
sealed class PagedQuery<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken) where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await fetch(continuationToken, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);
    }
}
