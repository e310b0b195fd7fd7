using System.CommandLine;
using Kubelike.ApiMachinery.OpenApi;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.Cli;

/// <summary>
/// <c>kubelike openapi --out DIR</c>: writes the OpenAPI v3 document of every served group-version, the same documents
/// the server serves, one file per group-version (<c>make openapi</c> regenerates <c>api-spec/openapi/</c> with it).
/// </summary>
internal static class OpenApiCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Directory to write the documents to (created if missing; stale documents in it are removed)",
            Required = true,
        };
        var command = new Command("openapi", "Write the OpenAPI v3 documents Kubelike serves") { output };
        command.SetAction(parseResult =>
        {
            var directory = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(directory);
            var generator = new OpenApiDocumentGenerator(ResourceRegistry.BuiltIn);
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var groupVersion in generator.GroupVersionPaths)
            {
                var fileName = OpenApiDocumentGenerator.FileNameOf(groupVersion);
                File.WriteAllBytes(Path.Combine(directory, fileName), OpenApiDocumentGenerator.Serialize(generator.Generate(groupVersion)!, indented: true));
                written.Add(fileName);
            }
            // A group-version that is no longer served must not leave its document behind.
            foreach (var stale in Directory.GetFiles(directory, "*_openapi.json").Where(file => !written.Contains(Path.GetFileName(file))))
                File.Delete(stale);
            Console.WriteLine($"wrote {written.Count} OpenAPI v3 documents to {directory}");
            return 0;
        });
        return command;
    }
}
