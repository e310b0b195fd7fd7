using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Kubelike.Benchmarks;

/// <summary>The objects the apply scenario writes: a directory of Deployments, Services and ConfigMaps, and patch/apply bodies.</summary>
internal static class ApplyManifests
{
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>
    /// Writes <paramref name="count"/> manifests (one YAML file each; Deployment, Service and ConfigMap in turn) into
    /// <paramref name="directory"/>; <paramref name="revision"/> goes into a label, an env value and the ConfigMap's data,
    /// so another revision changes every object.
    /// </summary>
    public static void WriteDirectory(string directory, int count, int revision)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < count; i++)
        {
            var name = "app-" + (i / 3).ToString("D3", CultureInfo.InvariantCulture);
            var (file, yaml) = (i % 3) switch
            {
                0 => ($"{name}-deployment.yaml", Deployment(name, revision)),
                1 => ($"{name}-service.yaml", Service(name, revision)),
                _ => ($"{name}-configmap.yaml", ConfigMap(name, revision)),
            };
            File.WriteAllText(Path.Combine(directory, file), yaml);
        }
    }

    /// <summary>A Deployment as JSON (for POST and for apply bodies).</summary>
    public static string DeploymentJson(string name, string value) => """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","labels":{"app":"NAME"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"NAME"}},
          "template":{"metadata":{"labels":{"app":"NAME"}},
           "spec":{"containers":[{"name":"main","image":"nginx:1.27","ports":[{"containerPort":8080,"name":"http"}],
            "env":[{"name":"MODE","value":"bench"},{"name":"SEQ","value":"VALUE"}],
            "resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);

    /// <summary>A strategic merge patch that sets one env var of the container and one annotation.</summary>
    public static string SmpBody(string value) => """
        {"metadata":{"annotations":{"bench/seq":"VALUE"}},"spec":{"template":{"spec":{"containers":[{"name":"main","env":[{"name":"SEQ","value":"VALUE"}]}]}}}}
        """.Replace("VALUE", value, StringComparison.Ordinal);

    public static ByteArrayContent Content(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static string Deployment(string name, int revision) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          labels:
            app: {name}
            revision: "{revision}"
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - name: http
                  containerPort: 8080
                env:
                - name: REVISION
                  value: "{revision}"
                resources:
                  requests:
                    cpu: 100m
                    memory: 64Mi
              - name: sidecar
                image: busybox:1.36
                args: ["sleep", "infinity"]
        """;

    private static string Service(string name, int revision) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          labels:
            app: {name}
            revision: "{revision}"
        spec:
          selector:
            app: {name}
          ports:
          - name: http
            port: 80
            targetPort: http
          - name: metrics
            port: 9090
            targetPort: 9090
        """;

    private static string ConfigMap(string name, int revision) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}-settings
          labels:
            app: {name}
            revision: "{revision}"
        data:
          revision: "{revision}"
          app.properties: |
            greeting=hello
            workers=4
            name={name}
        """;
}
