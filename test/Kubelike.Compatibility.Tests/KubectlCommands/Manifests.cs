namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>Manifests kubectl reads with <c>-f</c>, as users write them.</summary>
internal static class Manifests
{
    /// <summary>A ConfigMap, a Secret, a Service and a Deployment in one multi-document YAML file, without namespaces.</summary>
    public const string FourKindsYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels:
            app: shop
        data:
          color: blue
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: credentials
          labels:
            app: shop
        type: Opaque
        data:
          password: aHVudGVyMg==
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          labels:
            app: shop
        spec:
          selector:
            app: shop
          ports:
          - port: 80
            targetPort: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: shop
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: shop
          template:
            metadata:
              labels:
                app: shop
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        """;

    public static string ConfigMapJson(string name, string value) => $$$"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","labels":{"app":"shop"}},"data":{"key":"{{{value}}}"}}
        """;

    /// <summary>A Deployment whose pods are labelled <c>app: {app}</c> (the name unless given): its selector, which cannot change.</summary>
    public static string DeploymentJson(string name, int replicas, string? app = null) => $$$"""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {"name": "{{{name}}}", "labels": {"app": "{{{app ?? name}}}"}},
          "spec": {
            "replicas": {{{replicas}}},
            "selector": {"matchLabels": {"app": "{{{app ?? name}}}"}},
            "template": {
              "metadata": {"labels": {"app": "{{{app ?? name}}}"}},
              "spec": {"containers": [{"name": "main", "image": "nginx:1.27"}]}
            }
          }
        }
        """;
}
