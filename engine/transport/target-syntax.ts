/** The targets verify takes; its own file so that help text loads without a transport (and execa). */
export const TARGET_SYNTAX = 'local | docker-image:IMAGE | docker:CONTAINER | wine-image:IMAGE';
