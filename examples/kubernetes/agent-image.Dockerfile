# The image the init container runs: the agent jar and a `cp` to copy it out.
#   docker build -t registry.example.com/baton-agent:0.1.0 -f examples/kubernetes/agent-image.Dockerfile agent/target
FROM busybox:1.37
COPY baton-agent.jar /baton-agent.jar
