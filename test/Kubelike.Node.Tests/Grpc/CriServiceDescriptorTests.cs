using Google.Protobuf.Reflection;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Tests.Grpc;

/// <summary>The typed clients call exactly the methods the CRI proto declares, with its request and response types.</summary>
[TestFixture]
public sealed class CriServiceDescriptorTests
{
    [TestCase(typeof(RuntimeServiceClient), "RuntimeService")]
    [TestCase(typeof(ImageServiceClient), "ImageService")]
    public void Every_method_of_the_service_has_a_client_method_with_matching_types(Type client, string service)
    {
        var descriptor = ApiReflection.Descriptor.Services.Single(s => s.Name == service);
        var methods = client.GetFields().Where(f => f.Name.EndsWith("Method", StringComparison.Ordinal)).ToList();

        Assert.That(methods.Select(f => f.Name[..^"Method".Length]), Is.EquivalentTo(descriptor.Methods.Select(m => m.Name)));
        foreach (var field in methods)
        {
            var method = descriptor.FindMethodByName(field.Name[..^"Method".Length]);
            var types = field.FieldType.GetGenericArguments();
            var path = (string)field.FieldType.GetProperty(nameof(GrpcMethod<VersionRequest, VersionResponse>.Path))!.GetValue(field.GetValue(null))!;
            Assert.Multiple(() =>
            {
                Assert.That(path, Is.EqualTo($"/{descriptor.FullName}/{method.Name}"));
                Assert.That(ClrName(method.InputType), Is.EqualTo(types[0].FullName));
                Assert.That(ClrName(method.OutputType), Is.EqualTo(types[1].FullName));
            });
        }
    }

    [Test]
    public void The_proto_package_is_upstreams() => Assert.That(ApiReflection.Descriptor.Package, Is.EqualTo("runtime.v1"));

    private static string ClrName(MessageDescriptor message) => message.ClrType.FullName!;
}
