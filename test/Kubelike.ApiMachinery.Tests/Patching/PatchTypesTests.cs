using Kubelike.ApiMachinery.Patching;

namespace Kubelike.ApiMachinery.Tests.Patching;

public sealed class PatchTypesTests
{
    [Test]
    public void Strategic_merge_patch_needs_a_model_type()
    {
        Assert.That(PatchTypes.Supported(hasModelType: true), Is.EqualTo(new[] { PatchTypes.Json, PatchTypes.Merge, PatchTypes.StrategicMerge }));
        Assert.That(PatchTypes.Supported(hasModelType: false), Does.Not.Contain(PatchTypes.StrategicMerge));
    }
}
