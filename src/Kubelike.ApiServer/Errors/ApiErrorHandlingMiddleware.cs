using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Negotiation;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Errors;

/// <summary>
/// Every failure leaves as a Kubernetes Status: <see cref="ApiException"/> as itself, storage failures as
/// their Status, a body Kestrel refused as 400/413, anything else as a 500 InternalError without a stack trace.
/// </summary>
public sealed class ApiErrorHandlingMiddleware(RequestDelegate next, ILogger<ApiErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException exception)
        {
            await WriteAsync(context, exception);
        }
        catch (StorageException exception)
        {
            await WriteAsync(context, exception.Code == StorageErrorCode.Unavailable
                ? ApiException.ServiceUnavailable(exception.Message)
                : ApiException.InternalError(exception.Message));
        }
        catch (BadHttpRequestException exception)
        {
            await WriteAsync(context, exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit")
                : ApiException.BadRequest(exception.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, ApiException.InternalError("an internal error occurred"));
        }
    }

    public static async Task WriteAsync(HttpContext context, ApiException exception)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.Clear();
        context.Response.StatusCode = exception.Code;
        if (exception.RetryAfterSeconds is int retryAfter)
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(exception.ToJson().ToJsonString(JsonOutput.Serializer), context.RequestAborted);
    }
}
