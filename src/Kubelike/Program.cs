using Kubelike.Cli;

return await KubelikeCommandLine.InvokeAsync(args);
