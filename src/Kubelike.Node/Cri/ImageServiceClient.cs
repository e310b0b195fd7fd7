using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Cri;

/// <summary>
/// The CRI image service of a container runtime (containerd): the images on the node.
/// Every call takes an optional timeout (the channel's default when null) and a cancellation token, and fails
/// with <see cref="GrpcCallException"/> carrying the runtime's status.
/// </summary>
public sealed class ImageServiceClient(UnixSocketGrpcChannel channel)
{
    public const string ServiceName = "runtime.v1.ImageService";

    public static readonly GrpcMethod<ListImagesRequest, ListImagesResponse> ListImagesMethod = new(ServiceName, "ListImages", ListImagesResponse.Parser);

    public static readonly GrpcMethod<ImageStatusRequest, ImageStatusResponse> ImageStatusMethod = new(ServiceName, "ImageStatus", ImageStatusResponse.Parser);

    public static readonly GrpcMethod<PullImageRequest, PullImageResponse> PullImageMethod = new(ServiceName, "PullImage", PullImageResponse.Parser);

    public static readonly GrpcMethod<RemoveImageRequest, RemoveImageResponse> RemoveImageMethod = new(ServiceName, "RemoveImage", RemoveImageResponse.Parser);

    public static readonly GrpcMethod<ImageFsInfoRequest, ImageFsInfoResponse> ImageFsInfoMethod = new(ServiceName, "ImageFsInfo", ImageFsInfoResponse.Parser);

    /// <summary>The images the runtime has.</summary>
    public Task<ListImagesResponse> ListImagesAsync(ListImagesRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ListImagesMethod, request, timeout, cancellationToken);

    /// <summary>One image's details; its Image is unset when the image is not present.</summary>
    public Task<ImageStatusResponse> ImageStatusAsync(ImageStatusRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ImageStatusMethod, request, timeout, cancellationToken);

    /// <summary>Pulls an image from its registry. Give it a deadline: an unreachable registry must not hang the caller.</summary>
    public Task<PullImageResponse> PullImageAsync(PullImageRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(PullImageMethod, request, timeout, cancellationToken);

    /// <summary>Removes an image; idempotent.</summary>
    public Task<RemoveImageResponse> RemoveImageAsync(RemoveImageRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(RemoveImageMethod, request, timeout, cancellationToken);

    /// <summary>Usage of the filesystem that holds the images.</summary>
    public Task<ImageFsInfoResponse> ImageFsInfoAsync(ImageFsInfoRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ImageFsInfoMethod, request, timeout, cancellationToken);
}
