namespace Kubelike.Node.Streaming;

/// <summary>A data frame (or a reset, as an empty final one) the SPDY server sent on one of the session's streams.</summary>
internal readonly record struct SpdyData(uint StreamId, byte[] Data, bool Fin);
