-- Every request asks for a different scope set, so that none is served from the metadata server's
-- token cache: each one runs the whole relay (apiserver → STS → IAM).
counter = 0
request = function()
  counter = counter + 1
  local path = "/computeMetadata/v1/instance/service-accounts/default/token?scopes="
    .. "https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/bench." .. counter
  return wrk.format("GET", path, { ["Metadata-Flavor"] = "Google" })
end
