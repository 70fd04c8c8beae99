// The bare API root has no endpoint: it answers like any unknown path (authenticated, then 404).
export { DELETE, GET, HEAD, PATCH, POST, PUT } from "./[...rest]/route";
