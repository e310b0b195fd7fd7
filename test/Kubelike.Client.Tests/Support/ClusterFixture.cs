using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Client.Tests.Support;

/// <summary>
/// Base of fixtures that test the client against a real <c>kubelike server</c>, without controllers (they would add
/// writes the tests do not expect).
/// </summary>
public abstract class ClusterFixture : ClientFixture
{
    protected static ConfigMap NewConfigMap(string ns, string name, IDictionary<string, string>? data = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Data = data ?? new Dictionary<string, string> { ["key"] = "value" },
    };
}
