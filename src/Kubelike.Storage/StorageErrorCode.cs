namespace Kubelike.Storage;

public enum StorageErrorCode
{
    /// <summary>The key does not exist (404 NotFound).</summary>
    NotFound,

    /// <summary>A create found the key already present (409 AlreadyExists).</summary>
    AlreadyExists,

    /// <summary>The expected resourceVersion did not match the stored one (409 Conflict).</summary>
    Conflict,

    /// <summary>A uid precondition did not match (409 Conflict, as kube-apiserver answers it).</summary>
    PreconditionFailed,

    /// <summary>The requested revision is older than the compacted one (410 Expired).</summary>
    Expired,

    /// <summary>The requested revision is newer than any committed one (kube-apiserver: 504 ResourceVersionTooLarge).</summary>
    RevisionTooLarge,

    /// <summary>A watcher fell too far behind and was closed; it must re-list or re-watch.</summary>
    WatcherTooSlow,

    /// <summary>PostgreSQL is unreachable or refused the request (503, retry later).</summary>
    Unavailable,

    /// <summary>The request itself is malformed (bad continue token, invalid key) (400).</summary>
    BadRequest,
}
